/** ANSI styles for the terminal report; a no-op unless the caller has decided colour is wanted. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
} as const;

export type Style = keyof typeof CODES;
export type Paint = (text: string, ...styles: Style[]) => string;

export function painter(colour: boolean): Paint {
  if (!colour) return (text) => text;
  return (text, ...styles) => styles.reduce((out, s) => `\u001b[${CODES[s][0]}m${out}\u001b[${CODES[s][1]}m`, text);
}
