/// A fixture file that does not have the shape its reader expects.
package enum FixtureError: Error {
    case malformed(String)
}
