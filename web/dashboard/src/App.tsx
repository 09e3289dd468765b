// The dashboard's entry: the build pipeline is in place; the screens are issue 7's work.
export function App() {
  return <main aria-label="Switchboard dashboard">Switchboard</main>;
}
