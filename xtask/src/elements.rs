//! The npm package's descriptive files (`package/`) against the README and the code, so they
//! cannot drift (issue 17): the attributes, events, `rapport-failed` codes, CSS parts and
//! custom properties README.md documents must be exactly those of
//! `package/custom-elements.json`, `package/rapport.d.ts` and `package/react.d.ts`; the
//! manifest's methods and properties must exist in `js/rapport.js`; `package/package.json`'s
//! `files` and `exports` must name files the release will have.
//!
//! Run with `cargo test -p xtask elements`. The constants below say where each file of the
//! package comes from; `cargo xtask release` assembles the package from them.

/// The folder of the repository whose files are copied into the package as they are
/// (`package.json` with its version filled in).
#[allow(dead_code)] // read by the release
pub const PACKAGE_DIR: &str = "package";

/// The files of [`PACKAGE_DIR`] that go into the package.
#[allow(dead_code)] // read by the release
pub const FROM_PACKAGE_DIR: [&str; 5] = [
    "package.json",
    "README.md",
    "rapport.d.ts",
    "react.d.ts",
    "custom-elements.json",
];

/// Files of the package that the release copies from the repository's root (the licences in
/// full, as the repository holds them).
#[allow(dead_code)] // read by the release
pub const FROM_REPO_ROOT: [&str; 3] = ["CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"];

/// The package's folder that the release fills with the built widget (`dist/`).
#[allow(dead_code)] // read by the release
pub const CDN_DIR: &str = "cdn/";

/// `package/package.json`'s `version` in the repository; the release replaces it with the
/// workspace's version.
#[allow(dead_code)] // read by the release
pub const VERSION_PLACEHOLDER: &str = "0.0.0-set-by-release";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    type Names = BTreeSet<String>;

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("xtask lives in the repository root")
            .to_path_buf()
    }

    fn read(rel: &str) -> String {
        std::fs::read_to_string(root().join(rel))
            .unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    fn json(rel: &str) -> Value {
        serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel} is not valid JSON: {e}"))
    }

    /// Every `…` span of `text`.
    fn backticked(text: &str) -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// The README from the heading line `heading` (exact) to the next heading of the same or a
    /// higher level.
    fn section<'a>(readme: &'a str, heading: &str) -> &'a str {
        let level = heading.chars().take_while(|&c| c == '#').count();
        let start = readme
            .find(&format!("\n{heading}\n"))
            .unwrap_or_else(|| panic!("README.md has no heading `{heading}`"))
            + 1;
        let body = &readme[start + heading.len()..];
        let mut at = 0;
        let mut fenced = false;
        let mut end = body.len();
        for line in body.split_inclusive('\n') {
            if line.starts_with("```") {
                fenced = !fenced;
            }
            let hashes = line.chars().take_while(|&c| c == '#').count();
            if !fenced && hashes > 0 && hashes <= level && line[hashes..].starts_with(' ') {
                end = at;
                break;
            }
            at += line.len();
        }
        &readme[start..start + heading.len() + end]
    }

    /// The rows (cells, trimmed) of the table in `text` whose header row starts with
    /// `header` (e.g. "| attribute |").
    fn table(text: &str, header: &str, where_: &str) -> Vec<Vec<String>> {
        let mut lines = text.lines().skip_while(|l| !l.starts_with(header));
        assert!(
            lines.next().is_some(),
            "README.md: no table with the header `{header}` in {where_}"
        );
        lines
            .skip(1) // |---|---|
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_owned())
                    .collect()
            })
            .collect()
    }

    /// The backticked names in the first cell of each row of a README table.
    fn first_column(rows: &[Vec<String>]) -> Names {
        rows.iter()
            .flat_map(|r| backticked(&r[0]))
            .collect::<Names>()
    }

    fn readme() -> String {
        read("README.md")
    }

    fn readme_attributes() -> Names {
        let readme = readme();
        let embedding = section(&readme, "## Embedding");
        first_column(&table(embedding, "| attribute |", "## Embedding"))
    }

    fn readme_events() -> Names {
        let readme = readme();
        let events = section(&readme, "### Events");
        first_column(&table(events, "| event |", "### Events"))
    }

    fn readme_fail_codes() -> Names {
        let readme = readme();
        let codes = section(&readme, "#### `rapport-failed` codes");
        first_column(&table(codes, "| code |", "#### `rapport-failed` codes"))
    }

    fn readme_parts() -> Names {
        let readme = readme();
        let theming = section(&readme, "### Theming");
        let at = theming
            .find("\nParts:")
            .expect("README.md's Theming section has no line starting with `Parts:`");
        let rest = &theming[at + "\nParts:".len()..];
        let end = rest
            .find(".\n")
            .expect("README.md's `Parts:` list does not end with a full stop");
        backticked(&rest[..end]).into_iter().collect()
    }

    /// Each property of README's custom property table, plus the `-dark` twin of each colour
    /// (a property whose light default is a `#` colour) when README says every colour has
    /// one.
    fn readme_custom_properties() -> Names {
        let readme = readme();
        let theming = section(&readme, "### Theming");
        let rows = table(theming, "| custom property |", "### Theming");
        let twins = theming.contains("Each colour has a `…-dark` twin");
        let mut names = Names::new();
        for row in &rows {
            let props = backticked(&row[0]);
            let defaults = backticked(&row[1]);
            for (i, p) in props.iter().enumerate() {
                names.insert(p.clone());
                if twins && defaults.get(i).is_some_and(|d| d.starts_with('#')) {
                    names.insert(format!("{p}-dark"));
                }
            }
        }
        names
    }

    fn manifest() -> Value {
        json("package/custom-elements.json")
    }

    /// The manifest's declaration of the element class.
    fn element(manifest: &Value) -> Value {
        let modules = manifest["modules"]
            .as_array()
            .expect("package/custom-elements.json has no `modules` array");
        modules
            .iter()
            .flat_map(|m| m["declarations"].as_array().into_iter().flatten())
            .find(|d| d["tagName"] == "rapport-questionnaire" && d["customElement"] == true)
            .cloned()
            .expect(
                "package/custom-elements.json declares no class with tagName \
                 `rapport-questionnaire` and customElement: true",
            )
    }

    fn names_of(list: &Value) -> Names {
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v["name"].as_str().map(str::to_owned))
            .collect()
    }

    /// Both ways: what README lists and the other file lacks, and what the other file has
    /// and README does not list.
    fn assert_same(what: &str, readme: &Names, other: &Names, other_file: &str) {
        assert!(
            !readme.is_empty(),
            "README.md lists no {what}s: its table or line moved?"
        );
        let mut problems = Vec::new();
        for n in readme.difference(other) {
            problems.push(format!(
                "README lists {what} `{n}` but {other_file} has no such {what}: add it there"
            ));
        }
        for n in other.difference(readme) {
            problems.push(format!(
                "{other_file} has {what} `{n}` that README.md does not list: \
                 document it in README.md or remove it from {other_file}"
            ));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn elements_attributes_match_readme() {
        let manifest = manifest();
        let attrs = names_of(&element(&manifest)["attributes"]);
        assert_same(
            "attribute",
            &readme_attributes(),
            &attrs,
            "package/custom-elements.json",
        );
        let element = element(&manifest);
        for a in element["attributes"].as_array().into_iter().flatten() {
            assert!(
                a["description"].as_str().is_some_and(|d| !d.is_empty())
                    && a["type"]["text"].as_str().is_some(),
                "package/custom-elements.json: attribute {} needs a description and a type",
                a["name"]
            );
        }
    }

    #[test]
    fn elements_events_match_readme_and_typescript() {
        let element = element(&manifest());
        let events = names_of(&element["events"]);
        assert_same(
            "event",
            &readme_events(),
            &events,
            "package/custom-elements.json",
        );
        let dts = read("package/rapport.d.ts");
        let map = between(
            &dts,
            "export interface RapportQuestionnaireEventMap {",
            "}",
            "package/rapport.d.ts",
        );
        let mut in_map = Names::new();
        for ev in element["events"].as_array().into_iter().flatten() {
            let name = ev["name"].as_str().unwrap_or_default();
            let ty = ev["type"]["text"].as_str().unwrap_or_else(|| {
                panic!("package/custom-elements.json: event `{name}` has no type")
            });
            let detail = ty
                .strip_prefix("CustomEvent<")
                .and_then(|t| t.strip_suffix('>'))
                .unwrap_or_else(|| {
                    panic!("package/custom-elements.json: event `{name}`'s type `{ty}` is not CustomEvent<…Detail>")
                });
            assert!(
                map.contains(&format!("'{name}': {ty};")),
                "package/rapport.d.ts: RapportQuestionnaireEventMap has no `'{name}': {ty};` \
                 (the manifest's type for it): add it"
            );
            assert!(
                dts.contains(&format!("export interface {detail} {{")),
                "package/rapport.d.ts does not declare `export interface {detail}` (the detail of `{name}`)"
            );
            in_map.insert(name.to_owned());
        }
        let map_names: Names = map
            .lines()
            .filter_map(|l| l.trim().strip_prefix('\''))
            .filter_map(|l| l.split('\'').next())
            .map(str::to_owned)
            .collect();
        assert_same(
            "event",
            &readme_events(),
            &map_names,
            "package/rapport.d.ts's RapportQuestionnaireEventMap",
        );
        assert_eq!(in_map, map_names);
        // The events the code really dispatches: `.dispatch(…, "rapport-…")` in src/ and
        // `new CustomEvent('rapport-…'` in js/rapport.js.
        let mut sent = Names::new();
        for file in rust_files(&root().join("src")) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for call in text.split(".dispatch(").skip(1) {
                let args = call.split(';').next().unwrap_or_default();
                if let Some(name) = args.split('"').nth(1) {
                    sent.insert(name.to_owned());
                }
            }
        }
        for piece in read("js/rapport.js").split("new CustomEvent(").skip(1) {
            if let Some(name) = quoted(piece.split(',').next().unwrap_or_default()).pop_first() {
                sent.insert(name);
            }
        }
        assert_same(
            "event",
            &readme_events(),
            &sent,
            "the code (`.dispatch(…)` in src/, `new CustomEvent(…)` in js/rapport.js)",
        );
    }

    /// The text between `start` and the next `end` after it.
    fn between<'a>(text: &'a str, start: &str, end: &str, file: &str) -> &'a str {
        let at = text
            .find(start)
            .unwrap_or_else(|| panic!("{file} has no `{start}`"))
            + start.len();
        let len = text[at..]
            .find(end)
            .unwrap_or_else(|| panic!("{file}: `{start}` is not closed by `{end}`"));
        &text[at..at + len]
    }

    /// Every `'…'` literal in `text`.
    fn quoted(text: &str) -> Names {
        text.split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    /// The `code: '…'` literals of the loader's own `rapport-failed` events.
    fn loader_fail_codes() -> Names {
        let js = read("js/rapport.js");
        let mut codes = Names::new();
        for quote in ['\'', '"'] {
            let marker = format!("code: {quote}");
            for piece in js.split(marker.as_str()).skip(1) {
                if let Some(code) = piece.split(quote).next() {
                    codes.insert(code.to_owned());
                }
            }
        }
        // The panel's code, chosen on one line: `const code = … ? 'integrity-failed' : '…';`
        for line in js
            .lines()
            .filter(|l| l.trim_start().starts_with("const code ="))
        {
            for (i, piece) in line.split('\'').enumerate() {
                if i % 2 == 1 && piece.contains('-') {
                    codes.insert(piece.to_owned());
                }
            }
        }
        codes
    }

    #[test]
    fn elements_fail_codes_match_readme_and_typescript() {
        let dts = read("package/rapport.d.ts");
        let union = quoted(between(
            &dts,
            "export type RapportFailCode =",
            ";",
            "package/rapport.d.ts",
        ));
        // README's table is the widget's codes (checked against `FailCode::ALL` by the
        // widget's own test); the loader sends its own (when the WebAssembly cannot start).
        let readme = readme_fail_codes();
        let loader = loader_fail_codes();
        assert!(
            !readme.is_empty(),
            "README.md's rapport-failed codes table is empty: moved?"
        );
        let mut problems = Vec::new();
        for c in readme.difference(&union) {
            problems.push(format!(
                "README lists rapport-failed code `{c}` but package/rapport.d.ts's \
                 RapportFailCode has no such code: add it there"
            ));
        }
        for c in loader.difference(&union) {
            problems.push(format!(
                "js/rapport.js sends rapport-failed code `{c}` but package/rapport.d.ts's \
                 RapportFailCode has no such code: add it there (and to README's codes table)"
            ));
        }
        for c in union.difference(&readme) {
            if !loader.contains(c) {
                problems.push(format!(
                    "package/rapport.d.ts's RapportFailCode has `{c}`, which neither README's \
                     codes table lists nor js/rapport.js sends: remove it or document it"
                ));
            }
        }
        for c in loader.difference(&readme) {
            problems.push(format!(
                "js/rapport.js sends rapport-failed code `{c}` that README's codes table does \
                 not list: add a row for it"
            ));
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(
            dts.contains("code: RapportFailCode;"),
            "package/rapport.d.ts: RapportFailedDetail's `code` must be `RapportFailCode`"
        );
    }

    #[test]
    fn elements_css_parts_match_readme_and_widget() {
        let parts = names_of(&element(&manifest())["cssParts"]);
        assert_same(
            "CSS part",
            &readme_parts(),
            &parts,
            "package/custom-elements.json",
        );
        // The parts the widget really puts on its elements: `attr("part", "…")` in src/.
        let mut in_widget = Names::new();
        for file in rust_files(&root().join("src")) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for piece in text.split("attr(\"part\", \"").skip(1) {
                if let Some(name) = piece.split('"').next() {
                    in_widget.insert(name.to_owned());
                }
            }
        }
        assert_same(
            "CSS part",
            &readme_parts(),
            &in_widget,
            "the widget (`attr(\"part\", …)` in src/)",
        );
    }

    fn rust_files(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                out.extend(rust_files(&path));
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn elements_css_custom_properties_match_readme_and_stylesheet() {
        let props = names_of(&element(&manifest())["cssProperties"]);
        assert_same(
            "CSS custom property",
            &readme_custom_properties(),
            &props,
            "package/custom-elements.json",
        );
        // The properties the widget's stylesheet reads: `var(--rapport-…`.
        let css = read("src/widget.css");
        let used: Names = css
            .split("var(--rapport-")
            .skip(1)
            .filter_map(|p| p.split([',', ')']).next())
            .map(|n| format!("--rapport-{}", n.trim()))
            .collect();
        assert_same(
            "CSS custom property",
            &readme_custom_properties(),
            &used,
            "src/widget.css",
        );
    }

    fn members(element: &Value, kind: &str, static_: bool) -> Names {
        element["members"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["kind"] == kind && (m["static"] == true) == static_)
            .filter_map(|m| m["name"].as_str().map(str::to_owned))
            .collect()
    }

    #[test]
    fn elements_methods_and_properties_match_readme_and_loader() {
        let element = element(&manifest());
        let readme = readme();
        let embedding = section(&readme, "## Embedding");
        let at = embedding
            .find("\nMethods:")
            .expect("README.md's Embedding section has no `Methods:` paragraph");
        let para = &embedding[at..];
        let props_at = para
            .find("Properties:")
            .expect("README.md: no `Properties:` after `Methods:`");
        let readme_methods: Names = backticked(&para[..props_at])
            .into_iter()
            .filter_map(|m| m.split_once('(').map(|(name, _)| name.to_owned()))
            .collect();
        let props_end = para[props_at..]
            .find(".\n")
            .expect("README.md's `Properties:` does not end with a full stop");
        let readme_props: Names = backticked(&para[props_at..props_at + props_end])
            .into_iter()
            .collect();
        let methods = members(&element, "method", false);
        assert_same(
            "method",
            &readme_methods,
            &methods,
            "package/custom-elements.json",
        );
        assert_same(
            "property",
            &readme_props,
            &members(&element, "field", false),
            "package/custom-elements.json",
        );
        let js = read("js/rapport.js");
        for m in &methods {
            assert!(
                js.contains(&format!("\n  {m}(")),
                "package/custom-elements.json has method `{m}` but js/rapport.js's class has no \
                 method `{m}(` (at two spaces' indent): remove it from the manifest or add it"
            );
        }
        for p in &readme_props {
            assert!(
                js.contains(&format!("\n  set {p}(")),
                "package/custom-elements.json has property `{p}` but js/rapport.js's class has \
                 no `set {p}(`"
            );
        }
        let dts = read("package/rapport.d.ts");
        for m in &methods {
            assert!(
                dts.contains(&format!("\n  {m}(")),
                "package/custom-elements.json has method `{m}` but package/rapport.d.ts's \
                 RapportQuestionnaire does not declare it: add it"
            );
        }
        for p in &readme_props {
            assert!(
                dts.contains(&format!("\n  set {p}(")),
                "package/rapport.d.ts's RapportQuestionnaire has no `set {p}(`: add it"
            );
        }
    }

    #[test]
    fn elements_observed_attributes_are_manifest_attributes() {
        let js = read("js/rapport.js");
        let observed = quoted(between(
            between(&js, "observedAttributes", ";", "js/rapport.js"),
            "[",
            "]",
            "js/rapport.js (observedAttributes)",
        ));
        assert!(
            !observed.is_empty(),
            "js/rapport.js: observedAttributes lists nothing"
        );
        let attrs = names_of(&element(&manifest())["attributes"]);
        if let Some(a) = observed.difference(&attrs).next() {
            panic!(
                "js/rapport.js observes attribute `{a}` but package/custom-elements.json has no \
                 such attribute: add it there and to README's attribute table"
            );
        }
    }

    /// The release's loader: `setBasePath`, `getBasePath` and the class's static `version`
    /// (issue 17). Fails until js/rapport.js has them.
    #[test]
    fn elements_loader_exports_base_path_and_version() {
        let js = read("js/rapport.js");
        for f in ["setBasePath", "getBasePath"] {
            assert!(
                js.contains(&format!("export function {f}("))
                    || (js.contains(&format!("function {f}("))
                        && js.contains("export {")
                        && js.contains(f)),
                "js/rapport.js does not export a function `{f}` (package/custom-elements.json \
                 and package/rapport.d.ts promise it)"
            );
        }
        assert!(
            js.contains("static get version(") || js.contains("static version"),
            "js/rapport.js's class has no static `version` (package/custom-elements.json and \
             package/rapport.d.ts promise it)"
        );
    }

    #[test]
    fn elements_manifest_declares_exports_and_version() {
        let manifest = manifest();
        assert!(
            manifest["schemaVersion"]
                .as_str()
                .is_some_and(|v| v.starts_with("2.")),
            "package/custom-elements.json: schemaVersion must be 2.x"
        );
        let module = manifest["modules"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["path"] == "cdn/rapport.js"))
            .expect("package/custom-elements.json has no module `cdn/rapport.js`");
        let exports = module["exports"].as_array().cloned().unwrap_or_default();
        for f in ["setBasePath", "getBasePath"] {
            assert!(
                exports.iter().any(|e| e["kind"] == "js" && e["name"] == f),
                "package/custom-elements.json: module cdn/rapport.js does not export `{f}`"
            );
            assert!(
                module["declarations"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|d| d["kind"] == "function" && d["name"] == f),
                "package/custom-elements.json: no function declaration `{f}`"
            );
            let dts = read("package/rapport.d.ts");
            assert!(
                dts.contains(&format!("export function {f}(")),
                "package/rapport.d.ts does not declare `export function {f}(`"
            );
        }
        assert!(
            exports
                .iter()
                .any(|e| e["kind"] == "custom-element-definition"
                    && e["name"] == "rapport-questionnaire"
                    && e["declaration"]["name"] == "RapportQuestionnaire"),
            "package/custom-elements.json: no custom-element-definition export of \
             `rapport-questionnaire` → RapportQuestionnaire"
        );
        let element = element(&manifest);
        assert!(
            members(&element, "field", true).contains("version"),
            "package/custom-elements.json: RapportQuestionnaire has no static field `version`"
        );
        let dts = read("package/rapport.d.ts");
        assert!(
            dts.contains("'rapport-questionnaire': RapportQuestionnaire;"),
            "package/rapport.d.ts: no HTMLElementTagNameMap entry for rapport-questionnaire"
        );
        assert!(
            dts.contains("readonly version: string;"),
            "package/rapport.d.ts: the element's constructor has no `readonly version: string`"
        );
    }

    #[test]
    fn elements_react_typings_match_readme() {
        let react = read("package/react.d.ts");
        let attrs_block = between(
            &react,
            "export interface RapportQuestionnaireAttributes {",
            "\n}",
            "package/react.d.ts",
        );
        let props: Names = attrs_block
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("//") && !l.starts_with("/*") && !l.starts_with('*'))
            .filter_map(|l| l.split_once("?:").map(|(name, _)| name))
            .map(|n| n.trim_matches('\'').to_owned())
            .collect();
        assert_same(
            "attribute",
            &readme_attributes(),
            &props,
            "package/react.d.ts's RapportQuestionnaireAttributes",
        );
        assert!(
            react.contains("[K in keyof RapportQuestionnaireEventMap as `on${K}`]"),
            "package/react.d.ts: the event props must be `on` + every event of \
             RapportQuestionnaireEventMap (React 19's naming for custom elements)"
        );
        assert!(
            react.contains("'rapport-questionnaire': RapportQuestionnaireProps;"),
            "package/react.d.ts: no JSX IntrinsicElements entry for rapport-questionnaire"
        );
    }

    /// Every string value anywhere in an `exports` value (the conditions' targets).
    fn targets(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Object(m) => m.values().for_each(|v| targets(v, out)),
            Value::Array(a) => a.iter().for_each(|v| targets(v, out)),
            _ => {}
        }
    }

    #[test]
    fn elements_package_json_names_files_the_release_has() {
        let pkg = json("package/package.json");
        assert_eq!(pkg["name"], "rapport-questionnaire");
        assert_eq!(
            pkg["version"], VERSION_PLACEHOLDER,
            "package/package.json's version is filled in by the release: keep the placeholder"
        );
        assert_eq!(pkg["license"], "MIT OR Apache-2.0");
        assert_eq!(pkg["type"], "module");
        assert!(
            pkg.get("dependencies").is_none() && pkg.get("peerDependencies").is_none(),
            "the package has no runtime dependencies"
        );
        let dir = root().join(PACKAGE_DIR);
        // A path inside the package exists once the release has assembled it.
        let will_exist = |rel: &str| {
            let rel = rel.trim_start_matches("./");
            rel.starts_with(CDN_DIR)
                || FROM_REPO_ROOT.contains(&rel) && root().join(rel).is_file()
                || FROM_PACKAGE_DIR.contains(&rel) && dir.join(rel).is_file()
        };
        let files: Vec<&str> = pkg["files"]
            .as_array()
            .expect("package/package.json has no `files` array")
            .iter()
            .map(|f| f.as_str().expect("`files` holds strings"))
            .collect();
        for f in &files {
            assert!(
                will_exist(f),
                "package/package.json lists `{f}` in `files`, but it is neither under {CDN_DIR} \
                 nor a file of {PACKAGE_DIR}/ in FROM_PACKAGE_DIR nor of the root in \
                 FROM_REPO_ROOT (xtask/src/elements.rs): add the file or fix the list"
            );
        }
        for f in FROM_PACKAGE_DIR.iter().chain(FROM_REPO_ROOT.iter()) {
            assert!(
                *f == "package.json" || files.contains(f),
                "the release copies `{f}` but package/package.json's `files` does not list it"
            );
        }
        let mut t = Vec::new();
        targets(&pkg["exports"], &mut t);
        for field in ["types", "customElements"] {
            t.push(
                pkg[field]
                    .as_str()
                    .unwrap_or_else(|| panic!("package/package.json has no `{field}`"))
                    .to_owned(),
            );
        }
        assert!(t.iter().any(|t| t == "./cdn/rapport.js"));
        for target in &t {
            let rel = target.trim_start_matches("./");
            assert!(
                will_exist(rel),
                "package/package.json points to `{target}`, which the package will not have"
            );
            assert!(
                rel == "package.json"
                    || files
                        .iter()
                        .any(|f| rel.starts_with(f.trim_end_matches('*'))),
                "package/package.json points to `{target}`, but `files` does not include it"
            );
        }
    }
}
