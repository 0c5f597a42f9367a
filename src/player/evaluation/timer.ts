// Time left in an attempt, from the server's deadline. The device clock may be wrong, so the offset
// between the server's clock (`serverNow` in every attempt answer) and the device's is measured once
// and applied to every later reading.

export interface Clock {
  /** device time minus server time, in ms */
  offsetMs: number;
  deadlineMs: number;
}

export function clockFrom(attempt: { deadline: string; serverNow: string }, deviceNow: number): Clock {
  const server = Date.parse(attempt.serverNow);
  const deadline = Date.parse(attempt.deadline);
  return { offsetMs: Number.isFinite(server) ? deviceNow - server : 0, deadlineMs: deadline };
}

/** whole seconds left (never negative) at device time `deviceNow` */
export function remainingSeconds(clock: Clock, deviceNow: number): number {
  const serverNow = deviceNow - clock.offsetMs;
  return Math.max(0, Math.ceil((clock.deadlineMs - serverNow) / 1000));
}

/** `mm:ss`, or `h:mm:ss` from an hour up */
export function formatRemaining(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

/** 'low' in the last five minutes, 'over' at zero: the screen warns (and announces) accordingly */
export function timeLevel(seconds: number): 'normal' | 'low' | 'over' {
  if (seconds <= 0) return 'over';
  return seconds <= 300 ? 'low' : 'normal';
}
