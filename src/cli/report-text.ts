/** The report for a clinician reading in a terminal. */
import type { Evaluation } from '../contract/index.js';
import { painter, type Paint, type Style } from './colour.js';
import { cite, layOut, type Entry, type Section, type Tone } from './report.js';
import { wrap } from './wrap.js';

const TONES: Readonly<Record<Tone, Style[]>> = { alarm: ['red', 'bold'], caution: ['yellow'], plain: [] };

interface Options {
  readonly colour: boolean;
  readonly width: number;
}

function entry(e: Entry, paint: Paint, width: number): string[] {
  const tag = e.tag === undefined ? '' : `[${e.tag.text}] `;
  const title = e.title === undefined ? '' : `${e.title}: `;
  const bullet = e.tag === undefined ? '- ' : '';
  const [first = '', ...rest] = wrap(`${bullet}${tag}${title}${e.text}`, width, '  ', '      ');
  // Paint after wrapping, so escape codes do not count towards the width.
  let painted = first;
  if (e.tag !== undefined) painted = painted.replace(tag, paint(tag, ...TONES[e.tag.tone]));
  if (title !== '') painted = painted.replace(title, paint(title, 'bold'));
  const lines = [painted, ...rest];
  for (const note of e.notes) lines.push(...wrap(note, width, '      ', '        '));
  for (const link of e.links) lines.push(...wrap(`${link.label}: ${link.url}`, width, '      ', '        '));
  for (const ev of e.evidence) {
    const c = cite(ev);
    lines.push(...wrap(`Evidence: ${c.title}: ${c.quote}`, width, '      ', '        ').map((l) => paint(l, 'dim')));
  }
  return lines;
}

function section(s: Section, paint: Paint, width: number): string[] {
  const label = Math.max(0, ...s.fields.map(([l]) => l.length)) + 2;
  return [
    paint(s.heading.toUpperCase(), 'bold'),
    ...s.fields.map(([l, v]) => `  ${l.padEnd(label)}${paint(v, 'bold')}`),
    ...(s.entries.length === 0 ? [`  ${s.none}`] : s.entries.flatMap((e) => entry(e, paint, width))),
  ];
}

export function reportText(evaluation: Evaluation, options: Options): string {
  const paint = painter(options.colour);
  const r = layOut(evaluation);
  const header = [
    paint(`allpath evaluation: case ${r.caseId}`, 'bold'),
    `As of ${r.asOf} · knowledge ${r.knowledgeVersion}`,
    ...wrap(r.notice, options.width, '', '').map((l) => paint(l, 'yellow')),
  ];
  const blocks = [header, ...r.sections.map((s) => section(s, paint, options.width))];
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
