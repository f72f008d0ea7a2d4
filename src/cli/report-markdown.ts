/** The same report as GitHub markdown, for a tumor-board document or an issue. */
import type { Evaluation } from '../contract/index.js';
import { cite, layOut, type Entry, type Section } from './report.js';

/** Evaluation text is prose, not markup: escape what GitHub would otherwise interpret. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

function entry(e: Entry): string[] {
  const tag = e.tag === undefined ? '' : `**${md(e.tag.text)}** `;
  const title = e.title === undefined ? '' : `\`${e.title}\`: `;
  const lines = [`- ${tag}${title}${md(e.text)}`];
  for (const note of e.notes) lines.push(`  - ${md(note)}`);
  for (const link of e.links) lines.push(`  - [${md(link.label)}](<${link.url}>)`);
  for (const ev of e.evidence) {
    const c = cite(ev);
    const source = c.url === null ? md(c.title) : `[${md(c.title)}](${c.url})`;
    lines.push(`  - Evidence: ${source}: ${md(c.quote)}`);
  }
  return lines;
}

function section(s: Section): string {
  const fields = s.fields.length === 0 ? [] : [s.fields.map(([l, v]) => `**${l}:** ${md(v)}`).join('  \n'), ''];
  const entries = s.entries.length === 0 ? [s.none] : s.entries.flatMap(entry);
  return [`## ${s.heading}`, '', ...fields, ...entries].join('\n');
}

export function reportMarkdown(evaluation: Evaluation): string {
  const r = layOut(evaluation);
  const header = [
    `# allpath evaluation: case ${md(r.caseId)}`,
    '',
    `**As of** ${r.asOf} · **knowledge** ${r.knowledgeVersion}`,
    '',
    `> ${md(r.notice)}`,
  ].join('\n');
  return `${[header, ...r.sections.map(section)].join('\n\n')}\n`;
}
