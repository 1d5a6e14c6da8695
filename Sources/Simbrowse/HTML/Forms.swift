import CJavaScriptCore
import URLStandard

/// Form submission: `form.submit()`, `requestSubmit()`, and the `submit` scenario step.
/// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm
extension Realm {
    func installFormHostFunctions() {
        js.set(host, "followHyperlink", js.function("followHyperlink") { [unowned self] js, _, args in
            if let a = args.first.flatMap({ js.object($0) }) { self.followHyperlink(a) }
            return js.undefined
        })
        js.set(host, "submitForm", js.function("submitForm") { [unowned self] js, _, args in
            guard let form = args.first.flatMap({ js.object($0) }) else { return js.undefined }
            let submitter = args.count > 1 ? js.object(args[1]) : nil
            self.submitForm(form, submitter: submitter)
            return js.undefined
        })
    }

    /// Following a hyperlink (`a.click()`): https://html.spec.whatwg.org/multipage/links.html#following-hyperlinks-2
    /// `target=_blank` implies `noopener` (https://html.spec.whatwg.org/multipage/links.html#link-type-noopener),
    /// as do `rel=noopener` and `rel=noreferrer`; `rel=opener` asks for the opener back.
    func followHyperlink(_ a: JSObjectRef) {
        guard let bc = window.context, let href = attr(a, "href"), let url = URLRecord.parse(href, base: window.url) else { return }
        let target = attr(a, "target") ?? ""
        let rel = (attr(a, "rel") ?? "").lowercased().split(separator: " ").map(String.init)
        let noopener = rel.contains("noopener") || rel.contains("noreferrer") || (target.lowercased() == "_blank" && !rel.contains("opener"))
        if let t = bc.find(targetName: target), target.lowercased() != "_blank" {
            browser.navigate(t, to: url, initiator: window, kind: "document")
        } else {
            _ = browser.openPopup(from: window, url: url.href, target: target.isEmpty ? "_blank" : target,
                                  features: noopener ? "noopener" : "")
        }
    }

    private func attribute(_ el: JSObjectRef?, _ name: String) -> String? {
        guard let el else { return nil }
        return attr(el, name)
    }

    func submitForm(_ form: JSObjectRef, submitter: JSObjectRef?) {
        guard let bc = window.context else { return }
        // 3-4. The form's owner document must be fully active; its method, action, enctype and target,
        // each from the submitter's form* attributes first.
        let method = (attribute(submitter, "formmethod") ?? attribute(form, "method") ?? "get").lowercased()
        let actionAttr = attribute(submitter, "formaction") ?? attribute(form, "action") ?? ""
        guard let action = actionAttr.isEmpty ? window.url : URLRecord.parse(actionAttr, base: window.url) else { return }
        let enctype = encodingType(attribute(submitter, "formenctype") ?? attribute(form, "enctype"))
        let target = attribute(submitter, "formtarget") ?? attribute(form, "target") ?? ""
        let verdict = browser.checker.formSubmission(sandboxedForms: window.sandboxFlags.contains(.forms), from: window.securityContext, action: action.href)
        if !verdict.isAllowed {
            browser.record(verdict, by: window)
            if let m = verdict.message { browser.log(window, level: "error", m) }
            return
        }
        let entries = formEntries(form, submitter: submitter)
        // The target navigable (https://html.spec.whatwg.org/multipage/document-sequences.html#the-rules-for-choosing-a-navigable).
        let targetBC: BrowsingContext
        if let t = bc.find(targetName: target), target.lowercased() != "_blank" {
            targetBC = t
        } else if let popup = browser.openPopup(from: window, url: "", target: target.isEmpty || target.lowercased() == "_blank" ? "_blank" : target,
                                                features: target.lowercased() == "_blank" ? "noopener" : "") {
            targetBC = popup
        } else if let created = bc.top.popups.last {
            targetBC = created
        } else { return }

        var url = action
        switch (action.scheme, method) {
        case ("http", "post"), ("https", "post"):
            var headers = HeaderList()
            let body: [UInt8]
            switch enctype {
            case "multipart/form-data":
                let boundary = browser.nextMultipartBoundary()
                body = multipartBody(entries, boundary: boundary)
                headers.set("Content-Type", "multipart/form-data; boundary=\(boundary)")
            case "text/plain":
                body = Array(entries.map { "\($0.0)=\($0.1)\r\n" }.joined().utf8)
                headers.set("Content-Type", "text/plain")
            default:
                body = Array(URLSearchParams(entries).serialized().utf8)
                headers.set("Content-Type", "application/x-www-form-urlencoded")
            }
            browser.navigate(targetBC, to: url, initiator: window, method: "POST", body: body, headers: headers, kind: "form")
        default:
            // Mutate action URL: the query becomes the entry list, urlencoded.
            if action.scheme == "http" || action.scheme == "https" { url.query = URLSearchParams(entries).serialized() }
            browser.navigate(targetBC, to: url, initiator: window, kind: "form")
        }
    }

    /// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#attr-fs-enctype:
    /// an unknown value (e.g. application/json) is the default, urlencoded.
    func encodingType(_ value: String?) -> String {
        switch value?.lowercased().trimmingCharacters(in: " \t\n") {
        case "multipart/form-data": return "multipart/form-data"
        case "text/plain": return "text/plain"
        default: return "application/x-www-form-urlencoded"
        }
    }

    /// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set
    func formEntries(_ form: JSObjectRef, submitter: JSObjectRef?) -> [(String, String)] {
        guard let f = js.object(js.get(internals, "formEntries")),
              let list = try? js.call(f, [form, submitter ?? js.null]), let arr = js.object(list) else { return [] }
        let n = Int(js.toNumber(js.get(arr, "length")))
        return (0..<n).compactMap { i in
            guard let pair = js.object(js.get(arr, "\(i)")) else { return nil }
            return (js.toString(js.get(pair, "0")), js.toString(js.get(pair, "1")))
        }
    }

    /// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
    func multipartBody(_ entries: [(String, String)], boundary: String) -> [UInt8] {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "\r\n", with: "%0D%0A").replacingOccurrences(of: "\"", with: "%22")
                .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\r", with: "%0D")
        }
        var out = ""
        for (name, value) in entries {
            out += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(escape(name))\"\r\n\r\n\(value)\r\n"
        }
        out += "--\(boundary)--\r\n"
        return Array(out.utf8)
    }
}

extension Browser {
    /// WebKit-style boundaries, from a seeded generator so a scenario gives the same bytes every run.
    func nextMultipartBoundary() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var s = "----WebKitFormBoundary"
        for _ in 0..<16 {
            boundarySeed = boundarySeed &* 6364136223846793005 &+ 1442695040888963407
            s.append(alphabet[Int((boundarySeed >> 33) % UInt64(alphabet.count))])
        }
        return s
    }
}
