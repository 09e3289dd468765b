/** Shown where the server has no such endpoint yet (the bots feature lands on its own branch). */
export function FeatureMissing({ what }: { readonly what: string }) {
  return (
    <div className="feature-missing">
      <strong>Coming with the bots feature.</strong> This server does not offer {what} yet; the page works as soon as it does.
    </div>
  );
}
