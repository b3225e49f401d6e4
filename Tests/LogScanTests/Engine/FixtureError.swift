/// A fixture file that does not have the shape its reader expects.
enum FixtureError: Error {
    case malformed(String)
}
