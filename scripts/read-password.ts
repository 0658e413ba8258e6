// Reads a password for the admin CLI: from stdin when piped (or --password-stdin), else prompted
// twice on the terminal with echo off. The password is never printed or logged.
import readline from 'node:readline'

export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing newline (from echo or a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr
    const rl = readline.createInterface({ input: process.stdin, output, terminal: true })
    // Echo off: readline writes typed characters through _writeToOutput; print only the prompt.
    const muted = rl as unknown as { _writeToOutput: (s: string) => void }
    output.write(question)
    muted._writeToOutput = () => undefined
    rl.question('', (answer) => {
      rl.close()
      output.write('\n')
      resolve(answer)
    })
    rl.once('SIGINT', () => {
      rl.close()
      reject(new Error('cancelled'))
    })
  })
}

export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) return readPasswordFromStdin()
  const first = await promptHidden('New password: ')
  const second = await promptHidden('Repeat it: ')
  if (first !== second) throw new Error('the two passwords differ')
  return first
}
