import { Document, isMap, isSeq } from 'yaml';
import type { ImportResult } from './items.ts';

const FORMAT_NAME = { gift: 'GIFT', aiken: 'Aiken' } as const;

/**
 * Writes imported items as a questions/*.yaml file, each item under a comment naming its source line;
 * the `yaml` package does the quoting.
 * @example bankYaml({ result, source: 'bank.gift' }) // '# Imported by …\nquestions:\n  # bank.gift:3 …'
 */
export function bankYaml(input: { result: ImportResult; source: string }): string {
  const { result, source } = input;
  const questions = result.questions.map(({ formative, ...question }) =>
    formative ? { ...question, formative } : question,
  );
  const doc = new Document({ questions });
  doc.commentBefore = [
    ` Imported by \`lentera import questions\` from ${source} (${FORMAT_NAME[result.format]}).`,
    ' Page and level were given at import (--page, --level or the GIFT $CATEGORY): check each item,',
    ' and rewrite any explanation that only names the correct answer.',
  ].join('\n');
  const list = doc.get('questions', true);
  if (isSeq(list)) {
    list.items.forEach((node, index) => {
      const origin = result.origins[index];
      if (!isMap(node) || !origin) return;
      node.commentBefore = ` ${source}:${origin.line}${origin.title ? ` ::${origin.title.replace(/\n/g, ' ')}::` : ''}`;
      if (index > 0) node.spaceBefore = true;
    });
  }
  return doc.toString({ lineWidth: 100, blockQuote: 'literal' });
}
