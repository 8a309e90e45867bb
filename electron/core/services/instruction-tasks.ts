import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { InstructionSource, InstructionToTaskSchema } from '../../../shared/contract/schemas/documents';
import type { Item } from '../../../shared/contract/schemas/items';
import type { CoreContext } from '../context';
import { createHistory } from './history';
import { createItemService } from './item-service';
import { createSettingsRepository } from '../repositories/settings-repository';

type ToTask = z.output<typeof InstructionToTaskSchema>;

interface InstructionJoinRow {
  id: number;
  document_id: number;
  person: string;
  given_on: string;
  content: string;
  subject: string;
  doc_no: string;
  issuer: string;
  received_at: string;
}

/** Leader instructions as tracked work: instruction → local task, and a task's source. */
export function createInstructionTasks(ctx: CoreContext) {
  function source(instructionId: number): InstructionSource {
    const r = ctx.db
      .prepare<[number], InstructionJoinRow>(
        `SELECT n.id, n.document_id, n.person, n.given_on, n.content, d.subject, d.doc_no, d.issuer, d.received_at
         FROM instructions n JOIN documents d ON d.id = n.document_id WHERE n.id = ?`,
      )
      .get(instructionId);
    if (!r) throw new AppError('not_found', `领导批示（编号 ${instructionId}）不存在`);
    return {
      documentId: r.document_id,
      subject: r.subject,
      docNo: r.doc_no,
      issuer: r.issuer,
      receivedAt: r.received_at,
      instruction: { id: r.id, person: r.person, givenOn: r.given_on, content: r.content },
    };
  }

  /** Creates a task (kind task, origin local) linked to the instruction, in one transaction. */
  function toTask(input: ToTask): Item {
    const src = source(input.instructionId);
    const items = createItemService(ctx);
    const id = ctx.db.transaction(() => {
      const item = items.create({
        kind: 'task',
        title: input.title,
        content: input.content,
        leader: input.leader,
        deadlineText: input.deadlineText,
        planId: input.planId,
        units: input.units,
        targets: [],
      });
      ctx.db.prepare("UPDATE items SET instruction_id = ?, origin = 'local' WHERE id = ?").run(input.instructionId, item.id);
      createHistory(ctx.db).record(
        [{ entity: 'item', entityId: item.id, action: 'update', field: 'instructionId', before: null, after: `${src.subject}（${src.instruction.person || '领导'}批示）` }],
        createSettingsRepository(ctx.db).settings().operator,
        ctx.now().toISOString(),
      );
      return item.id;
    })();
    return items.get(id);
  }

  return { source, toTask };
}
