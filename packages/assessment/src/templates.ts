// Finds a template by id among the shipped ones (data/templates), for scoring and reports.

import { join } from 'node:path';
import { closest, err, type Result } from '@fixops/shared';
import { listTemplates, loadTemplateFile, TEMPLATES_DIR, type Template } from '@fixops/checklist';

export async function findTemplate(id: string, dir: string = TEMPLATES_DIR): Promise<Result<Template>> {
  const list = await listTemplates(dir);
  if (!list.ok) return list;
  const found = list.value.find((t) => t.id === id);
  if (!found) {
    const ids = list.value.map((t) => t.id);
    return err('unknown_template', {
      zh: `没有评估表“${id}”。可选：${closest(id, ids, 8).join(', ')}`,
      en: `Unknown template "${id}". Valid: ${closest(id, ids, 8).join(', ')}`,
    }, { id, choices: ids });
  }
  return loadTemplateFile(found.file.startsWith('/') ? found.file : join(dir, found.file));
}
