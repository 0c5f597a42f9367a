import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// the example an author copies from docs/authoring.md is the fixture the tests validate
it('shows the valid example course exactly as it is in the fixtures', () => {
  const doc = readFileSync('docs/authoring.md', 'utf8');
  for (const file of ['course.yaml', '01-pelayanan.md']) {
    const source = readFileSync(`tests/fixtures/courses/valid-all-blocks/${file}`, 'utf8');
    expect(doc).toContain(source);
  }
});
