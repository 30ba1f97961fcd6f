/** Placeholder while issue 10 is written (replaced by the page itself). */
export default function IncidentsPage() {
  return <div data-testid="page-incidents" />;
}
