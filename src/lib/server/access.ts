/**
 * Who may reach the server. By default Warrant listens on the loopback interface only
 * (scripts/start.mjs), for one person on their own machine. Serving a class on a network is
 * "class mode": it needs a teacher secret (WARRANT_TEACHER_SECRET), and then every page and API
 * needs the teacher's credential — a cookie set by opening the teacher link `/teacher?key=…`, or
 * `Authorization: Bearer …` — except what a student needs (the app's static files; later the
 * exercise routes). In every mode the Host header must name this server, so a web page cannot
 * reach a loopback server through a rebound DNS name.
 *
 * The secret is kept only as its SHA-256 hash and compared in constant time. Changing it (and
 * restarting) revokes every teacher cookie given out before.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The shortest teacher secret class mode accepts. */
export const MIN_SECRET_LENGTH = 24;
/** The cookie the teacher link sets. */
export const TEACHER_COOKIE = 'warrant_teacher';

export interface AccessConfig {
	/** SHA-256 of the teacher secret; undefined: not class mode. */
	secretHash?: Buffer;
	/** Host names (without port) the server answers to. */
	hosts: ReadonlySet<string>;
}

export interface AccessRequest {
	method: string;
	path: string;
	/** The Host header, as sent. */
	host: string | null;
	/** The teacher cookie's value, if any. */
	cookie?: string;
	authorization?: string | null;
}

export type AccessDecision =
	{ ok: true; teacher: boolean } | { ok: false; status: 401 | 421; message: string };

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The host names every server answers to: the loopback ones. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The access rules from the environment: WARRANT_TEACHER_SECRET (class mode), HOST (the
 * interface listened on) and WARRANT_ALLOWED_HOSTS (more names, comma- or space-separated, e.g.
 * the name students type). A secret shorter than MIN_SECRET_LENGTH is refused with a message.
 */
export function accessFromEnv(env: Record<string, string | undefined>): AccessConfig {
	const secret = env.WARRANT_TEACHER_SECRET;
	if (secret !== undefined && secret.length < MIN_SECRET_LENGTH)
		throw new Error(
			`WARRANT_TEACHER_SECRET is too short: use at least ${MIN_SECRET_LENGTH} random characters.`
		);
	const hosts = new Set(LOOPBACK);
	for (const h of [env.HOST, ...(env.WARRANT_ALLOWED_HOSTS ?? '').split(/[\s,]+/)])
		if (h && h !== '0.0.0.0' && h !== '::') hosts.add(h.toLowerCase());
	return { ...(secret ? { secretHash: sha256(secret) } : {}), hosts };
}

/** Whether `given` is the teacher secret, in time that does not depend on how much matches. */
export function isSecret(config: AccessConfig, given: string | undefined | null): boolean {
	if (!config.secretHash || !given) return false;
	return timingSafeEqual(sha256(given), config.secretHash);
}

/** The host name of a Host header, without its port: `Localhost:3000` → `localhost`. */
export function hostName(host: string): string {
	const h = host.trim().toLowerCase();
	if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
	return h.replace(/:\d+$/, '');
}

/** Paths a student's browser needs without the teacher's credential. */
function isOpen(path: string): boolean {
	return path === '/teacher' || path.startsWith('/_app/') || path === '/favicon.png';
}

/** May this request go on? */
export function decide(config: AccessConfig, req: AccessRequest): AccessDecision {
	if (!req.host || !config.hosts.has(hostName(req.host)))
		return {
			ok: false,
			status: 421,
			message: `This server does not answer to the name "${req.host ?? ''}". Open it by the address it was started with.`
		};
	if (!config.secretHash) return { ok: true, teacher: true };
	const bearer = /^Bearer\s+(.+)$/i.exec(req.authorization ?? '')?.[1];
	const teacher = isSecret(config, req.cookie) || isSecret(config, bearer);
	if (teacher || isOpen(req.path)) return { ok: true, teacher };
	return {
		ok: false,
		status: 401,
		message:
			'This Warrant serves a class: open the teacher link you were given (it ends in /teacher?key=…).'
	};
}
