// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tasker-logscan",
    platforms: [.macOS(.v15)],  // Synchronization.Atomic (--follow stop flags)
    products: [
        .executable(name: "tasker-logscan", targets: ["tasker-logscan"]),
        .library(name: "LogScan", targets: ["LogScan"]),
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
        .target(
            name: "LogScan",
            dependencies: [
                "CPCRE2",
                "CZlib",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "tasker-logscan",
            dependencies: [
                "LogScan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LogScanTests",
            dependencies: ["LogScan"],
            resources: [.copy("Resources")]
        ),
    ]
)
