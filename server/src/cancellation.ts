/** Cancellation over LSP: queued requests answered at once, running ones checked between awaits. */
import { LSPErrorCodes, ResponseError, type CancellationToken, type ConnectionOptions } from 'vscode-languageserver';

/**
 * How the connection treats cancelled requests: one still waiting in the queue is answered
 * "cancelled" at once instead of being computed for nobody.
 */
export const connectionOptions: ConnectionOptions = {
  connectionStrategy: {
    cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled' } }),
  },
};

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** Throws the LSP "request cancelled" error once the client has cancelled the request. */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw cancelled();
}

/** Waits for `p`, or rejects with "request cancelled" as soon as the client cancels. */
export function unlessCancelled<T>(p: Promise<T>, token: CancellationToken): Promise<T> {
  checkCancelled(token);
  return new Promise<T>((resolve, reject) => {
    const sub = token.onCancellationRequested(() => {
      sub.dispose();
      reject(cancelled());
    });
    p.then(
      (v) => {
        sub.dispose();
        resolve(v);
      },
      (e) => {
        sub.dispose();
        reject(e);
      },
    );
  });
}
