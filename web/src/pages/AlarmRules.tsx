/** Placeholder while issue 10 is written (replaced by the page itself). */
export default function AlarmRulesPage() {
  return <div data-testid="page-alarm-rules" />;
}
