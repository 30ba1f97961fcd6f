/** Placeholder while issue 10 is written (replaced by the page itself). */
export default function IncidentDetailPage() {
  return <div data-testid="page-incident-detail" />;
}
