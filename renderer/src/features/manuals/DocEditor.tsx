import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { Image } from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { useEditor, type Editor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { IconColumnInsertRight, IconColumnRemove, IconPhotoPlus, IconRowInsertBottom, IconRowRemove, IconTable, IconTableOff } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManualDoc } from '../../../../shared/schemas/manual';
import { useApiMutation } from '../../api/client';
import { notifyError } from '../../lib/notify';

/*
 * One chapter of a model's manual in Tiptap (ProseMirror) under Mantine's toolbar: headings,
 * lists, tables and pictures, the nodes the paper prints. The document travels as Tiptap's
 * JSON, never HTML; the backend checks it node by node. A picture is checked and shrunk by the
 * backend as soon as it is chosen, so the editor shows what the paper will print.
 */

const EXTENSIONS = [
  // Code and code blocks have no place on a customer's paper; links print as plain text.
  StarterKit.configure({ code: false, codeBlock: false, link: false }),
  Link.configure({ openOnClick: false }),
  TableKit.configure({ table: { resizable: false } }),
  Image.configure({ inline: false, allowBase64: true }),
];

function TableControls({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const button = (label: string, icon: React.ReactNode, run: (e: Editor) => boolean, testId: string) => (
    <Tooltip label={label} key={testId}>
      <ActionIcon variant="default" size={26} aria-label={label} data-testid={testId} disabled={!editor} onClick={() => editor && run(editor)}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group gap={4}>
      {button(t('manuals.editor.insertTable'), <IconTable size={16} />, (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), 'insert-table')}
      {button(t('manuals.editor.addRow'), <IconRowInsertBottom size={16} />, (e) => e.chain().focus().addRowAfter().run(), 'add-row')}
      {button(t('manuals.editor.addColumn'), <IconColumnInsertRight size={16} />, (e) => e.chain().focus().addColumnAfter().run(), 'add-column')}
      {button(t('manuals.editor.deleteRow'), <IconRowRemove size={16} />, (e) => e.chain().focus().deleteRow().run(), 'delete-row')}
      {button(t('manuals.editor.deleteColumn'), <IconColumnRemove size={16} />, (e) => e.chain().focus().deleteColumn().run(), 'delete-column')}
      {button(t('manuals.editor.deleteTable'), <IconTableOff size={16} />, (e) => e.chain().focus().deleteTable().run(), 'delete-table')}
    </Group>
  );
}

function ImageButton({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const store = useApiMutation('manuals:image');
  const chosen = (file: File | undefined) => {
    if (!file || !editor) return;
    const reader = new FileReader();
    reader.onload = () =>
      store.mutate(
        { dataUrl: String(reader.result) },
        {
          onSuccess: (image) => editor.chain().focus().setImage({ src: image.dataUrl, alt: file.name }).run(),
          onError: (err) => notifyError(t, err),
        },
      );
    reader.readAsDataURL(file);
  };
  return (
    <>
      <Tooltip label={t('manuals.editor.insertImage')}>
        <ActionIcon variant="default" size={26} aria-label={t('manuals.editor.insertImage')} loading={store.isPending} onClick={() => input.current?.click()} data-testid="insert-image">
          <IconPhotoPlus size={16} />
        </ActionIcon>
      </Tooltip>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        data-testid="image-file"
        onChange={(e) => {
          chosen(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}

export function DocEditor({ value, onChange, label }: { value: ManualDoc; onChange: (doc: ManualDoc) => void; label: string }) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value,
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as ManualDoc),
    editorProps: { attributes: { 'aria-label': label, 'data-testid': 'manual-editor' } },
  });
  return (
    <RichTextEditor editor={editor} variant="subtle" styles={{ content: { minHeight: 320 } }}>
      <RichTextEditor.Toolbar sticky stickyOffset={52}>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.Strikethrough />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
          <RichTextEditor.Hr />
        </RichTextEditor.ControlsGroup>
        <TableControls editor={editor} />
        <ImageButton editor={editor} />
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
