/** A calm full-screen message: what a screen shows when it has nothing else to show. */
export function WallMessage({ title, hint }: { title: string; hint?: string }) {
  return (
    <main className="wall-message">
      <h1>{title}</h1>
      {hint && <p>{hint}</p>}
    </main>
  );
}
