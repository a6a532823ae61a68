import LinkModel
