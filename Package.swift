// swift-tools-version:6.0
import PackageDescription

// The library targets and the executable: compiled against the static runtime too (release), and with
// MemberImportVisibility, so a Foundation method that leaks in through a dependency's
// `import Foundation` (TOMLKit's) is a compile error: the targets import only
// FoundationEssentials, and linking Foundation proper (CoreFoundation, ICU) cost 1.5 ms of
// every start-up (docs/PERFORMANCE.md, seventh pass; scripts/release-check guards it).
let swiftSettings: [SwiftSetting] = [
    .unsafeFlags(["-static-stdlib", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                 .when(configuration: .release)),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// How the release binary is linked (docs/PERFORMANCE.md, sixth and eighth passes):
// - default, `static-pie`: one static position-independent executable (Swift runtime,
//   Foundation, libstdc++, glibc, PCRE2, zlib, zstd, xz, bzip2 inside; ISA-L loaded when
//   a gzip input is read). No dynamic loader at start-up: a one-line run 1.3-1.8 ms
//   shorter than the dynamic build; still PIE, so a tool that reads untrusted logs
//   keeps ASLR for its own code. Linked by GNU ld through scripts/link-static-pie, which
//   drops SwiftPM's `-rpath=$ORIGIN` (glibc's static-PIE start-up asserts on a DT_RUNPATH)
//   and says why not gold or lld. Relative relocations packed (DT_RELR).
// - `TASKER_LOGSCAN_LINK=dynamic swift build -c release`: the static Swift runtime and
//   Foundation only, the C libraries and glibc shared (no static C libraries needed).
let releaseLinking: [LinkerSetting] = {
    if Context.environment["TASKER_LOGSCAN_LINK"] == "dynamic" {
        return [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
    }
    let linker = Context.packageDirectory + "/scripts/link-static-pie"
    return [.unsafeFlags(["-static-executable", "-use-ld=" + linker, "-Xclang-linker", "-static-pie",
                          "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                         .when(configuration: .release))]
}()

let package = Package(
    name: "tasker-logscan",
    // Linux only (the engine calls glibc directly: read(2), pread(2), memrchr, posix_fadvise);
    // no Apple platform is claimed.
    products: [
        .executable(name: "tasker-logscan", targets: ["tasker-logscan"]),
        .library(name: "LogScanEngine", targets: ["LogScanEngine"]),
        .library(name: "LogScanConfig", targets: ["LogScanConfig"]),
        .library(name: "LogScanAnalysis", targets: ["LogScanAnalysis"]),
        .library(name: "LogScanOutput", targets: ["LogScanOutput"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        // libpcre2-8 through a shim that fixes the code unit width before pcre2.h.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // zlib for gzip input (inflate with automatic header detection).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // zstd, xz and bzip2 input (rotated logs compressed by logrotate or journald exports).
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLZMA", pkgConfig: "liblzma", providers: [.apt(["liblzma-dev"])]),
        .systemLibrary(name: "CBZip2", providers: [.apt(["libbz2-dev"])]),
        // glibc's mallopt, for the executable's memory policy (no library: part of libc).
        .systemLibrary(name: "CMalloc"),
        // Teddy multi-literal prefilter (C: pshufb is not expressible in Swift SIMD);
        // AVX2/SSSE3 chosen at run time, so no global -m flags.
        .target(
            name: "CTeddy",
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        // Read-only file mappings guarded against truncation (a SIGBUS handler: C).
        .target(name: "CSafeMap"),
        // Scan threads started on another CPU than their creator's (pthread affinity: C macros).
        .target(name: "CThreadStart"),
        // ISA-L's inflate for gzip input (about twice zlib's speed; zlib stays for damage),
        // loaded with dlopen when a gzip input is read: Debian ships no static libisal,
        // and the release binary is static. Its header (libisal-dev) is needed to build.
        .target(name: "CISAL", linkerSettings: [.linkedLibrary("dl")]),
        // The layers, each on the ones before it: reading and recognising (engine), the
        // capacity configuration, the analysis and its report model, the formatters.
        .target(
            name: "LogScanEngine",
            dependencies: ["CPCRE2", "CZlib", "CZstd", "CLZMA", "CBZip2", "CTeddy", "CISAL", "CSafeMap", "CThreadStart"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LogScanConfig",
            dependencies: ["LogScanEngine", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LogScanAnalysis",
            dependencies: ["LogScanEngine", "LogScanConfig"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LogScanOutput",
            dependencies: ["LogScanEngine", "LogScanConfig", "LogScanAnalysis"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tasker-logscan",
            dependencies: [
                "LogScanEngine",
                "LogScanConfig",
                "LogScanAnalysis",
                "LogScanOutput",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: releaseLinking
        ),
        // Helpers the test targets share: fixture paths, temporary files, running the binary,
        // built scenarios. A plain target, so it reaches the libraries through `package` access.
        .target(
            name: "TestSupport",
            dependencies: ["LogScanEngine", "LogScanConfig", "LogScanAnalysis"],
            path: "Tests/TestSupport"
        ),
        // The tests mirror the libraries (a test may also use the layers above the one it tests,
        // to compare whole reports); CLITests runs the built binary.
        .testTarget(name: "LogScanEngineTests",
                    dependencies: ["LogScanEngine", "LogScanAnalysis", "LogScanOutput", "TestSupport"]),
        .testTarget(name: "LogScanConfigTests", dependencies: ["LogScanEngine", "LogScanConfig", "TestSupport"]),
        .testTarget(name: "LogScanAnalysisTests",
                    dependencies: ["LogScanEngine", "LogScanConfig", "LogScanAnalysis", "LogScanOutput", "TestSupport"]),
        .testTarget(name: "LogScanOutputTests",
                    dependencies: ["LogScanEngine", "LogScanConfig", "LogScanAnalysis", "LogScanOutput", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["LogScanEngine", "LogScanAnalysis", "LogScanOutput", "TestSupport"]),
        // The executable's own types: the quick command-line reader against ArgumentParser's.
        .testTarget(name: "CommandLineParsingTests", dependencies: ["tasker-logscan"]),
    ]
)
