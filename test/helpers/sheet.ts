import { expect } from "vitest";

/** Nothing in the document is fetched or run: no script, no embedded or linked resource. */
export function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(link|img|iframe|object|embed|source|video|audio|base|meta http-equiv)\b/i);
  expect(html).not.toMatch(/\ssrc\s*=/i);
  expect(html).not.toMatch(/@import|url\s*\(/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no event handler attributes
  // The only links are the sources, as <a href="https://…"> (printed as text; nothing loads them).
  for (const m of html.matchAll(/<([a-z]+)[^>]*\shref\s*=/gi)) expect(m[1]).toBe("a");
}
