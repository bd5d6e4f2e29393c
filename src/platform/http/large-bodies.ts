/**
 * Paths whose bodies may exceed the general limit because they stream uploads
 * to disk and enforce their own limit. Their bodies are never parsed by
 * middleware: a CSRF token for them travels in the `_csrf` query parameter.
 */
const paths: RegExp[] = [];

export function allowLargeBodies(path: RegExp): void {
  paths.push(path);
}

export function isLargeBodyPath(path: string): boolean {
  return paths.some((p) => p.test(path));
}
