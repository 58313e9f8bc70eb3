import type { Review } from "../core/review.js";
export function renderReviewHtml(r: Review): string {
  return JSON.stringify(r);
}
