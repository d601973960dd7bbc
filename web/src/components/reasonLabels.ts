/** Labels of the reasons picked in this tab: the URL carries only the reason's code. */
const labels = new Map<string, string>();

export function rememberReasonLabel(code: string, label: string): void {
  labels.set(code, label);
}

export function reasonLabelOf(code: string | undefined): string | undefined {
  return code ? labels.get(code) : undefined;
}
