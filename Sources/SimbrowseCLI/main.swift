import ArgumentParser
import Foundation
import ScenarioFormat
import Simbrowse

@main
struct SimbrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simbrowse",
        abstract: "A headless browser security-model simulator: what the same-origin policy allows and blocks, as Chromium does it.",
        discussion: """
        Write a scenario (a JSON file with fixture servers and steps), then `simbrowse run scenario.json`
        shows each step: allowed, blocked (with the browser's error and the rule), or an error.
        See Docs/ScenarioFormat.md for the format and Fixtures/scenarios/ for examples.
        """,
        subcommands: [Run.self, Bench.self],
        defaultSubcommand: Run.self)
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenario files (or every *.json file of a folder) and report each step.",
        discussion: "Exit status: 0 when every expectation holds, 1 when one fails, 2 for bad input.")

    @Argument(help: "Scenario files or folders of scenario files.")
    var paths: [String] = ["Fixtures/scenarios"]

    @Flag(name: .long, help: "Print the report as JSON (an array when several scenarios run).")
    var json = false

    @Option(name: .long, help: "The browser to imitate: chromium (default) or firefox. Overrides the scenarios' own profile.")
    var profile: String?

    @Option(name: .long, help: "Third-party cookies: block (Chromium's default), allow (as the classic articles assume), partition (Firefox). Overrides the scenarios' setting.")
    var thirdPartyCookies: String?

    @Flag(name: .long, help: "Also list every decision of the origin checker.")
    var decisions = false

    func validate() throws {
        if let profile, Profile.named(profile) == nil {
            throw ValidationError("unknown profile '\(profile)': use chromium or firefox")
        }
        if let t = thirdPartyCookies, !["block", "allow", "partition"].contains(t) {
            throw ValidationError("unknown third-party cookie setting '\(t)': use block, allow or partition")
        }
    }

    func run() throws {
        var files: [URL] = []
        var isArrayOutput = paths.count > 1
        for p in paths {
            let url = URL(fileURLWithPath: p)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
                FileHandle.standardError.write(Data("simbrowse: \(p): no such file or folder\n".utf8))
                throw ExitCode(2)
            }
            if isDir.boolValue {
                isArrayOutput = true
                do { files += try ScenarioLoader.scenarioFiles(in: url) } catch {
                    FileHandle.standardError.write(Data("simbrowse: \(error)\n".utf8)); throw ExitCode(2)
                }
            } else { files.append(url) }
        }
        var reports: [Report] = []
        var badInput = false
        for f in files {
            let scenario: Scenario
            do { scenario = try ScenarioLoader.load(file: f) } catch {
                FileHandle.standardError.write(Data("simbrowse: \(error)\n".utf8))
                badInput = true
                continue
            }
            let report = ScenarioRunner.run(scenario, profile: profile.flatMap(Profile.named), thirdPartyCookies: thirdPartyCookies, file: f.path)
            reports.append(report)
            if !json { print(TextReport.render(report, decisions: decisions)) }
        }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = isArrayOutput ? try enc.encode(reports) : try enc.encode(reports.first)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else if reports.count > 1 {
            let passed = reports.filter(\.ok).count
            print("\(passed) passed, \(reports.count - passed) failed")
        }
        if badInput { throw ExitCode(2) }
        if reports.contains(where: { !$0.ok }) { throw ExitCode(1) }
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the engine: a window with its realm, a page with three cross-origin frames, the whole gallery (in process, medians).")

    @Option(name: .long, help: "Repetitions per measurement.")
    var iterations = 50

    @Option(name: .long, help: "The gallery folder.")
    var gallery = "Fixtures/scenarios"

    func run() throws {
        for line in Benchmarks.run(iterations: iterations, gallery: gallery) { print(line) }
    }
}
