/// A line that came in pieces — CRI `P` lines, Docker entries without a line
/// end — being put back together for one stream.
struct LineJoin {
    /// Bytes joined so far (owned; capacity = the line limit).
    let storage: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var length = 0
    var active = false
    /// The joined line is longer than the limit: it will be skipped.
    var overflowed = false
    /// Physical line number of the first piece.
    var firstLine = 0
    /// The envelope's timestamp of the first piece.
    var timestamp: Timestamp?
    /// The envelope the pieces came in.
    var envelope: LineShape.Envelopes = []

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    func deallocate() { storage.deallocate() }

    mutating func start(line: Int, timestamp: Timestamp?, envelope: LineShape.Envelopes) {
        active = true
        overflowed = false
        length = 0
        firstLine = line
        self.timestamp = timestamp
        self.envelope = envelope
    }

    mutating func append(_ piece: ByteSlice) {
        guard !overflowed else { return }
        guard length + piece.count <= capacity else {
            overflowed = true
            return
        }
        (storage + length).update(from: piece.base, count: piece.count)
        length += piece.count
    }

    mutating func finish() -> ByteSlice {
        active = false
        return ByteSlice(storage, length)
    }
}
