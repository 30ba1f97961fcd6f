/** Placeholder while issue 10 is written (replaced by the page itself). */
export default function AlarmWebhooksPage() {
  return <div data-testid="page-alarm-webhooks" />;
}
