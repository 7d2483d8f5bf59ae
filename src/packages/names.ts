/**
 * Distribution names as package indexes compare them. "Django", "django" and
 * "zope.interface" vs "Zope_Interface" name the same distribution: PEP 503
 * lowercases a name and turns each run of "-", "_" and "." into one "-". The
 * resolver keys everything (index pages, installed sets, extras) by this form.
 */

/**
 * The PEP 503 normalized form of a distribution (or extra) name.
 * @example normalizeName("Zope.Interface") // "zope-interface"
 */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}
