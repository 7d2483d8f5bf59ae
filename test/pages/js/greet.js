// A JavaScript module for the js_modules tests.
export function greet(name) {
  return `Hello, ${name}!`;
}
export const answer = 42;
