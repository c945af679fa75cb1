import { nextTick, ref } from 'vue';
import { reasonProblem } from '../lib/reason';
import type ReasonField from '../components/ReasonField.vue';

/**
 * An action that needs a reason someone else will read (a suspension, a rejection): the first
 * press opens the reason field, pressing again with a valid reason acts, and cancel closes the field.
 * `act` gets the trimmed reason and answers whether it worked; only then is the field cleared.
 */
export function useReasonStep(act: (reason: string) => Promise<boolean>) {
  const open = ref(false);
  const reason = ref('');
  // The field's problem shows only once the button was pressed with it open.
  const attempted = ref(false);
  const field = ref<InstanceType<typeof ReasonField> | null>(null);

  function close(): void {
    open.value = false;
    reason.value = '';
    attempted.value = false;
  }

  async function press(): Promise<void> {
    if (!open.value) {
      open.value = true;
      await nextTick();
      field.value?.focus();
      return;
    }
    attempted.value = true;
    if (reasonProblem(reason.value)) {
      field.value?.focus();
      return;
    }
    if (await act(reason.value.trim())) close();
  }

  // Keeps what was typed, in case the field is opened again.
  function cancel(): void {
    open.value = false;
    attempted.value = false;
  }

  return { open, reason, attempted, field, press, cancel, close };
}
