import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Runs one prepared INSERT many times, binding values with SQLite's C API.
///
/// Hot path (every span of an SQLite export): GRDB's `execute(arguments:)` boxes each
/// value in an existential array and checks it per row; binding integers and UTF-8
/// buffers directly roughly halves the cost of a row. GRDB still prepares, caches and
/// finalizes the statement.
struct SQLiteInsert {
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    /// SQLite copies the bytes at bind time (`SQLITE_TRANSIENT`), so buffers may be
    /// temporary.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    func bind(_ position: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, position, sqlite3_int64(value))
    }

    func bind(_ position: Int32, _ value: Int?) {
        if let value { bind(position, value) } else { sqlite3_bind_null(handle, position) }
    }

    func bind(_ position: Int32, _ value: Double) {
        sqlite3_bind_double(handle, position, value)
    }

    func bind(_ position: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, position)
            return
        }
        text.withUTF8 { bind(position, utf8: $0) }
    }

    func bind(_ position: Int32, _ text: Substring) {
        var text = text
        text.withUTF8 { bind(position, utf8: $0) }
    }

    private func bind(_ position: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if let base = bytes.baseAddress, bytes.count > 0 {
            sqlite3_bind_text(handle, position, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                              Int32(clamping: bytes.count), Self.transient)
        } else {
            // An empty buffer may have no address, and a null pointer would bind NULL.
            sqlite3_bind_text(handle, position, "", 0, Self.transient)
        }
    }

    func bindNull(_ position: Int32) { sqlite3_bind_null(handle, position) }

    /// Runs the statement with the values bound, then makes it ready for the next row.
    func run() throws {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE else {
            throw SQLiteExportError(String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
                + " (SQLite error \(code), in \(statement.sql))")
        }
    }
}
