/** The named properties of an object, as a new object. */
export function pick<T extends Record<string, unknown>, K extends keyof T>(values: T, ...names: K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, values[name]])) as Pick<T, K>;
}
