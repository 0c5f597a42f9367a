/** Whether the browser is online, as a reactive value (the header shows a quiet offline mark). */
export class Online {
  value = $state(true);
}
