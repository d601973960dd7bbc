/**
 * A text box with a suggestion list, following the WAI-ARIA 1.2 combobox pattern (list autocomplete):
 * arrows move through the options, Enter picks, Escape closes, the list is fetched while typing (debounced).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n.tsx';

export interface ComboOption<T> {
  key: string;
  label: string;
  /** Secondary text shown after the label (city, specialty…), part of the option's name. */
  detail?: string;
  /** Options of the same group are shown under the group's heading. */
  group?: string;
  value: T;
}

interface ComboboxProps<T> {
  label: string;
  value: string;
  onValueChange: (text: string) => void;
  loadOptions: (text: string, signal: AbortSignal) => Promise<ComboOption<T>[]>;
  onPick: (option: ComboOption<T>) => void;
  placeholder?: string;
  name?: string;
  maxLength?: number;
  /** The input's id, when a form's error summary links to it. */
  id?: string;
  /** Ids of the hint and error describing the input. */
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}

const debounceMs = 200;

export function Combobox<T>(props: ComboboxProps<T>) {
  const { t } = useI18n();
  const id = useId();
  const inputId = props.id ?? `${id}input`;
  const listId = `${id}list`;
  const labelId = `${id}label`;
  const [typed, setTyped] = useState<string | null>(null);
  const [options, setOptions] = useState<ComboOption<T>[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listRef = useRef<HTMLDivElement>(null);
  const { loadOptions } = props;

  // Fetch suggestions for what the user typed, after a pause, cancelling the previous request.
  useEffect(() => {
    if (typed === null) return;
    const text = typed.trim();
    if (!text) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      loadOptions(text.slice(0, 100), controller.signal)
        .then((found) => {
          setOptions(found);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => {
          if (!controller.signal.aborted) setOptions([]);
        });
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [typed, loadOptions]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const expanded = open && options.length > 0;

  const pick = (option: ComboOption<T>) => {
    setTyped(null);
    setOpen(false);
    setActive(-1);
    props.onPick(option);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!options.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (!expanded) {
        setOpen(true);
        setActive(step === 1 ? 0 : options.length - 1);
        return;
      }
      setActive((current) => (current < 0 ? (step === 1 ? 0 : options.length - 1) : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const option = options[active];
      if (option) pick(option);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (props.value) {
        event.preventDefault();
        props.onValueChange('');
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const activeId = expanded && active >= 0 ? `${id}option${active}` : undefined;
  const groups = groupOptions(options);

  return (
    <div className="combobox">
      <label id={labelId} htmlFor={inputId} className="field-label">{props.label}</label>
      <input
        id={inputId}
        name={props.name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={props.maxLength ?? 100}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(event) => {
          props.onValueChange(event.target.value);
          setTyped(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && typed !== null && setOpen(true)}
      />
      <div id={listId} role="listbox" aria-labelledby={labelId} className="combobox-list" hidden={!expanded} ref={listRef}>
        {groups.map((group) => {
          const items = group.items.map(({ option, index }) => (
            <div
              key={option.key}
              id={`${id}option${index}`}
              data-index={index}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'combobox-option is-active' : 'combobox-option'}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              <span className="combobox-label">{option.label}</span>
              {option.detail ? <span className="combobox-detail"> · {option.detail}</span> : null}
            </div>
          ));
          if (!group.name) return items;
          const groupId = `${id}group${group.first}`;
          return (
            <div key={group.name} role="group" aria-labelledby={groupId}>
              <div id={groupId} role="presentation" className="combobox-group">{group.name}</div>
              {items}
            </div>
          );
        })}
      </div>
      <div className="sr-only" role="status">
        {open && typed !== null ? t('web.suggest.count', { count: options.length }) : ''}
      </div>
    </div>
  );
}

interface OptionGroup<T> {
  name: string | undefined;
  first: number;
  items: { option: ComboOption<T>; index: number }[];
}

/** Consecutive options of the same group, with their index in the flat list (for arrows and ids). */
function groupOptions<T>(options: ComboOption<T>[]): OptionGroup<T>[] {
  const groups: OptionGroup<T>[] = [];
  options.forEach((option, index) => {
    const last = groups[groups.length - 1];
    if (last && last.name === option.group) last.items.push({ option, index });
    else groups.push({ name: option.group, first: index, items: [{ option, index }] });
  });
  return groups;
}
