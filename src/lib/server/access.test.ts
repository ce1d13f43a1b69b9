import { describe, expect, it } from 'vitest';
import { accessFromEnv, decide, hostName, isSecret } from './access';

const SECRET = 'a-long-random-teacher-secret-0123';
const req = (over: Partial<Parameters<typeof decide>[1]> = {}) => ({
	method: 'GET',
	path: '/',
	host: 'localhost:3000',
	...over
});

describe('who may reach the server', () => {
	it('answers only to its own names: a rebound DNS name is refused', () => {
		const open = accessFromEnv({});
		expect(decide(open, req())).toEqual({ ok: true, teacher: true });
		expect(decide(open, req({ host: '127.0.0.1:4173' })).ok).toBe(true);
		expect(decide(open, req({ host: '[::1]:3000' })).ok).toBe(true);
		expect(decide(open, req({ host: 'attacker.example' }))).toMatchObject({
			ok: false,
			status: 421
		});
		expect(decide(open, req({ host: null }))).toMatchObject({ ok: false, status: 421 });
		// Names given by HOST and WARRANT_ALLOWED_HOSTS are answered to.
		const lan = accessFromEnv({
			HOST: '192.168.1.20',
			WARRANT_ALLOWED_HOSTS: 'class.local, Warrant.lan'
		});
		expect(decide(lan, req({ host: '192.168.1.20:3000' })).ok).toBe(true);
		expect(decide(lan, req({ host: 'warrant.lan' })).ok).toBe(true);
		expect(hostName('Class.Local:80')).toBe('class.local');
	});

	it('in class mode needs the teacher’s cookie or bearer token, except for the teacher link and the app’s files', () => {
		const c = accessFromEnv({ WARRANT_TEACHER_SECRET: SECRET });
		expect(decide(c, req())).toMatchObject({ ok: false, status: 401 });
		expect(decide(c, req({ method: 'PUT', path: '/api/maps/japan-mongolia' }))).toMatchObject({
			ok: false,
			status: 401
		});
		expect(decide(c, req({ cookie: 'wrong' }))).toMatchObject({ ok: false });
		expect(decide(c, req({ cookie: SECRET }))).toEqual({ ok: true, teacher: true });
		expect(decide(c, req({ authorization: `Bearer ${SECRET}` }))).toEqual({
			ok: true,
			teacher: true
		});
		expect(decide(c, req({ path: '/teacher' }))).toEqual({ ok: true, teacher: false });
		expect(decide(c, req({ path: '/_app/immutable/entry/start.js' })).ok).toBe(true);
	});

	it('keeps only a hash of the secret, compares it whole, and refuses a short one', () => {
		const c = accessFromEnv({ WARRANT_TEACHER_SECRET: SECRET });
		expect(JSON.stringify(c)).not.toContain(SECRET);
		expect(isSecret(c, SECRET)).toBe(true);
		expect(isSecret(c, SECRET.slice(0, -1))).toBe(false);
		expect(isSecret(c, undefined)).toBe(false);
		expect(isSecret(accessFromEnv({}), SECRET)).toBe(false);
		expect(() => accessFromEnv({ WARRANT_TEACHER_SECRET: 'short' })).toThrow(/at least 24/);
	});
});
