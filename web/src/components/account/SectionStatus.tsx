/** A section's polite confirmation (« Modifications enregistrées. »): a live region present from the start. */
export function SectionStatus({ message }: { message: string | null }) {
  return (
    <div role="status" className="section-status">
      {message ? <p className="success-message">{message}</p> : null}
    </div>
  );
}
