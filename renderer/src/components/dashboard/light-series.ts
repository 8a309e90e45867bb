import { LIGHT_LEVEL_LABELS, LIGHT_LEVELS, lightLook, type LightLevel } from '../../../../shared/contract/schemas/lights';
import type { LIGHT_SCHEMES } from '../../../../shared/contract/schemas/office';

type Scheme = (typeof LIGHT_SCHEMES)[number];

/** Chart colour of a level: in 3-colour schemes done is a darker shade of the on-schedule colour. */
export function levelColor(scheme: string, level: LightLevel): string {
  const look = lightLook(scheme as Scheme, level);
  if (level === 'done') return `${look.mantine}.8`;
  if (level === 'good') return `${look.mantine}.4`;
  return `${look.mantine}.6`;
}

/** ●红 逾期或严重滞后 */
export function levelLabel(scheme: string, level: LightLevel): string {
  return `${lightLook(scheme as Scheme, level).text} ${LIGHT_LEVEL_LABELS[level]}`;
}

/** Bar chart series, worst first, for stacked bars of light counts. */
export function lightSeries(scheme: string) {
  return LIGHT_LEVELS.map((level) => ({ name: level, label: levelLabel(scheme, level), color: levelColor(scheme, level) }));
}

/** Plan titles without the 实施方案 suffix, for axis labels. */
export function shortPlan(title: string): string {
  return title.replace(/实施方案$/, '').replace(/^湖南省/, '');
}
