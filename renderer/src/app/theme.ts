import { createTheme } from '@mantine/core';

/** Dense and calm, like a good spreadsheet; system CJK fonts only (no remote fonts). */
export const theme = createTheme({
  fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif',
  headings: { fontFamily: '"Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' },
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  primaryColor: 'indigo',
  defaultRadius: 'sm',
});
