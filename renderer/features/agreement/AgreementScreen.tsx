export function AgreementScreen() {
  return null;
}
