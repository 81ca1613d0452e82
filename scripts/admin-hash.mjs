// `npm run admin:hash -- <password>` prints the scrypt hash of a password as its last line, for ADMIN_PASSWORD_HASH
// or an ADMIN_VIEWERS entry (docs/admin.md). Without an argument it reads the password from stdin (a prompt that does
// not echo on a terminal), which keeps it out of the shell history.
import { ensureNode22 } from './lib/bootstrap.mjs';

ensureNode22();
const { hashPassword } = await import('../lib/admin/password.ts');

async function readPassword() {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.some((arg) => arg === '-h' || arg === '--help')) {
    console.log('Usage: npm run admin:hash -- <password>   (or pipe the password on stdin)');
    process.exit(0);
  }
  if (args.length > 0) return args.join(' ');
  if (process.stdin.isTTY) {
    process.stdout.write('Password (not shown): ');
    process.stdin.setRawMode(true);
    let typed = '';
    for await (const chunk of process.stdin) {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          process.stdin.setRawMode(false);
          process.stdout.write('\n');
          return typed;
        }
        if (char === '\u0003') process.exit(130);
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    }
    return typed;
  }
  let piped = '';
  for await (const chunk of process.stdin) piped += chunk.toString('utf8');
  return piped.replace(/\r?\n$/, '');
}

const password = await readPassword();
if (!password) {
  console.error('No password given. Usage: npm run admin:hash -- <password>');
  process.exit(1);
}
if (password.length < 12) console.error('Note: a password this short is easy to guess; 12 characters or more are advised.');
console.log('Set this as ADMIN_PASSWORD_HASH (or after "email:" in ADMIN_VIEWERS); quote it in shells, it contains "$":');
console.log(await hashPassword(password));
