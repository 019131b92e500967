// Launcher for a real third-party SCIM 2.0 service used by the tests: SCIMMY (protocol, schemas, filters,
// ListResponse paging, discovery) behind SCIMMY Routers (the RFC 7644 HTTP endpoints on express). What is ours:
// binding to loopback, the credential check the routers call for every request, an in-memory user store, and
// the ready line. See README.md.
//
//   SCIM_BEARER_TOKEN=... SCIM_BASIC_USER=... SCIM_BASIC_PASSWORD=... node server.mjs [--port 0] [--parent-pid N]
//
// Secrets come from the environment, never the command line, so they do not show in a process list.
import { timingSafeEqual, createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const BASE_PATH = "/scim/v2";
const HOST = "127.0.0.1";

function readArguments(argv) {
    const options = { port: 0, parentPid: 0 };
    for (let i = 0; i < argv.length; i++) {
        const name = argv[i];
        const value = argv[++i];
        if (name === "--port") options.port = Number(value);
        else if (name === "--parent-pid") options.parentPid = Number(value);
        else fail(`unknown argument ${name}`);
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) fail("--port must be 0-65535");
        if (!Number.isInteger(options.parentPid) || options.parentPid < 0) fail("--parent-pid must be a process id");
    }
    return options;
}

function fail(message) {
    process.stderr.write(`scim-server: ${message}\n`);
    process.exit(2);
}

function requiredEnvironment(name) {
    const value = process.env[name];
    if (!value) fail(`environment variable ${name} is required`);
    return value;
}

// Hashing both sides first gives equal lengths, which timingSafeEqual needs, without leaking the length.
function sameSecret(given, expected) {
    const digest = text => createHash("sha256").update(text, "utf8").digest();
    return timingSafeEqual(digest(given), digest(expected));
}

function checkCredentials(header, credentials) {
    const [scheme, ...rest] = (header ?? "").trim().split(" ");
    const value = rest.join(" ").trim();
    if (/^bearer$/i.test(scheme)) {
        if (sameSecret(value, credentials.bearerToken)) return "bearer";
        throw new Error("Invalid bearer token");
    }
    if (/^basic$/i.test(scheme)) {
        const decoded = Buffer.from(value, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        const user = colon < 0 ? decoded : decoded.slice(0, colon);
        const password = colon < 0 ? "" : decoded.slice(colon + 1);
        // Both compared, always, so a wrong user takes as long as a wrong password.
        const userMatches = sameSecret(user, credentials.basicUser);
        const passwordMatches = sameSecret(password, credentials.basicPassword);
        if (userMatches && passwordMatches) return credentials.basicUser;
        throw new Error("Invalid user name or password");
    }
    throw new Error("Authorization header with Bearer or Basic credentials required");
}

// The in-memory user store behind SCIMMY's User resource. SCIMMY validates and coerces every body against the
// RFC 7643 User schema, applies filters (Filter.match), pages and sorts the ListResponse, and renders meta.
function declareUsers() {
    const users = new Map();
    const taken = (userName, exceptId) =>
        [...users.values()].some(u => u.id !== exceptId && u.userName.toLowerCase() === userName.toLowerCase());

    SCIMMY.Resources.declare(SCIMMY.Resources.User)
        .ingress((resource, instance) => {
            const now = new Date();
            if (resource.id !== undefined) {
                const existing = users.get(resource.id);
                if (!existing) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
                if (taken(instance.userName, resource.id)) throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${instance.userName} is already taken`);
                const replaced = { ...instance, id: existing.id, meta: { ...existing.meta, lastModified: now } };
                users.set(existing.id, replaced);
                return replaced;
            }
            if (taken(instance.userName)) throw new SCIMMY.Types.Error(409, "uniqueness", `userName ${instance.userName} is already taken`);
            const created = { ...instance, id: randomUUID(), meta: { created: now, lastModified: now } };
            users.set(created.id, created);
            return created;
        })
        .egress(resource => {
            const all = [...users.values()];
            if (resource.id !== undefined && !users.has(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            return resource.filter ? resource.filter.match(all) : all;
        })
        .degress(resource => {
            if (!users.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        });
}

function buildApp(credentials, origin) {
    declareUsers();
    const app = express();
    app.disable("x-powered-by");
    // SCIMMY Routers advertises one scheme from its constructor; the second one is added to the same
    // ServiceProviderConfig, since the launcher accepts both.
    const routers = new SCIMMYRouters({
        type: "bearer",
        handler: request => checkCredentials(request.header("Authorization"), credentials),
        // Absolute meta.location values, like a real service; without it SCIMMY writes paths only.
        baseUri: () => origin(),
    });
    SCIMMY.Config.set("authenticationSchemes", {
        type: "httpbasic",
        name: "HTTP Basic",
        description: "Authentication scheme using the HTTP Basic Standard",
        specUri: "https://datatracker.ietf.org/doc/html/rfc2617",
    });
    app.use(BASE_PATH, routers);
    return app;
}

function installedVersion(name) {
    const manifest = new URL(`./node_modules/${name}/package.json`, import.meta.url);
    return JSON.parse(readFileSync(manifest, "utf8")).version;
}

function watchParent(parentPid) {
    // Exit when the test process is gone, so a crashed run never leaves a server behind.
    process.stdin.on("end", () => process.exit(0));
    process.stdin.on("error", () => process.exit(0));
    process.stdin.resume();
    if (!parentPid) return;
    setInterval(() => {
        try { process.kill(parentPid, 0); } catch { process.exit(0); }
    }, 1000).unref();
}

const options = readArguments(process.argv.slice(2));
const credentials = {
    bearerToken: requiredEnvironment("SCIM_BEARER_TOKEN"),
    basicUser: requiredEnvironment("SCIM_BASIC_USER"),
    basicPassword: requiredEnvironment("SCIM_BASIC_PASSWORD"),
};
watchParent(options.parentPid);
let origin = "";
const server = buildApp(credentials, () => origin).listen(options.port, HOST, () => {
    const { port } = server.address();
    origin = `http://${HOST}:${port}`;
    const versions = Object.fromEntries(["scimmy", "scimmy-routers", "express"].map(name => [name, installedVersion(name)]));
    process.stdout.write(JSON.stringify({ scimUrl: `${origin}${BASE_PATH}`, port, pid: process.pid, versions }) + "\n");
});
server.on("error", error => fail(error.message));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
