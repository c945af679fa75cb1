import { ref, shallowRef } from 'vue';
import { errorCodeOf } from '../api';

/**
 * One action at a time on a row or card (an admin's review, a cooperative's answer to a transfer):
 * `pending` while the call runs, the API's error code when it fails, and which action last worked,
 * for the row's confirmation line.
 */
export function useRowAction<Done extends string, Result>(changed: (result: Result) => void) {
  const pending = ref(false);
  const errorCode = ref<string | null>(null);
  const done = shallowRef<Done | null>(null);

  /** True when the call worked and `changed` has been told. */
  async function run(what: Done, call: () => Promise<Result>): Promise<boolean> {
    pending.value = true;
    errorCode.value = null;
    done.value = null;
    try {
      changed(await call());
      done.value = what;
      return true;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
      return false;
    } finally {
      pending.value = false;
    }
  }

  return { pending, errorCode, done, run };
}
