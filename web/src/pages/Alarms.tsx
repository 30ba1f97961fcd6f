/** Placeholder while issue 10 is written (replaced by the page itself). */
export default function AlarmsPage() {
  return <div data-testid="page-alarms" />;
}
