// The one escaping function for the terminal medium: text lac prints for people.

// C0 controls but tab and line feed, DEL, C1 controls (0x9b is CSI on some terminals), and the
// bidirectional overrides and isolates that reorder what a line appears to say.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const n = c.charCodeAt(0);
  // Unicode's "control pictures" (␛ ␇ ␍ ␈ ...) show C0 and DEL as one character: columns stay aligned.
  if (n < 0x20) return String.fromCharCode(0x2400 + n);
  return n === 0x7f ? '\u2421' : '\ufffd';
}

/**
 * Text for a terminal: control characters (escape sequences that clear the screen or set the
 * window title, BEL, CR, backspace, ...) are shown as visible symbols instead of acting.
 */
export const forTerminal = (text: string): string => text.replace(CONTROLS, visible);
