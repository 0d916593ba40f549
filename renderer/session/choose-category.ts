/** A need was tapped: its sub-needs when it has several, else straight to the results. */
import type { Session } from './session-context';

export function chooseCategory(session: Session, id: string): void {
  const node = session.categoryById.get(id);
  if (node && node.children.length > 1) session.navigate({ screen: 'needs', category: id });
  else session.navigate({ screen: 'results', category: id });
}

/** The top-level need a category belongs to, for its pictogram. */
export function rootOf(session: Session, id: string): string {
  for (const root of session.categories) {
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (!node) break;
      if (node.id === id) return root.id;
      stack.push(...node.children);
    }
  }
  return id;
}
