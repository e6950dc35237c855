export {
  createTemplate,
  type Template,
  type TemplateSettings,
  templateSettingsSchema,
} from './create-template';
