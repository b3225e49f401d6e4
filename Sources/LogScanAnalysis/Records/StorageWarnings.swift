import Synchronization

/// The problems a store and its sorted streams met with temporary storage, each said once:
/// shared by the copies of a store, since a stream reads after the store was copied and
/// the report's passes may run on other threads.
final class StorageWarnings: Sendable {
    private let messages = Mutex<[String]>([])

    /// Adds `message` unless it was already said (a second pass meets the same problem).
    func add(_ message: String) {
        messages.withLock { if !$0.contains(message) { $0.append(message) } }
    }

    /// Every message, in the order they were first added.
    var all: [String] { messages.withLock { $0 } }

    /// The spill file could not be created or written: the records stay in memory.
    func couldNotSpill(in directory: String, _ failure: SpillFile.Failure) {
        add("could not spill events to temporary storage in \(directory) (\(failure.reason)): they are kept in memory")
    }

    /// The sorted runs could not be written: the spilled records are read back and sorted in memory.
    func couldNotSort(in directory: String, _ failure: SpillFile.Failure) {
        add("could not sort events in temporary storage in \(directory) (\(failure.reason)): they are sorted in memory")
    }

    /// Records written to temporary storage could not be read back: the pass stopped there.
    func couldNotRead(in directory: String, _ failure: SpillFile.Failure) {
        add("could not read events back from temporary storage in \(directory) (\(failure.reason)): the results leave some of them out")
    }
}
