/**
 * Page text may hold directional controls (an RLO from a bad extraction, or planted): shown
 * as they are, but never allowed to reverse the text that follows them in a line.
 */
const DIRECTIONAL_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

/** The text inside a first-strong isolate when it holds directional controls: its overrides end with it. */
export function isolateDirection(text: string): string {
  return DIRECTIONAL_CONTROL.test(text) ? `\u2068${text}\u2069` : text;
}
